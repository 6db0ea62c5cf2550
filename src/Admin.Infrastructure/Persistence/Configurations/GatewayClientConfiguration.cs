using Admin.Domain.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class GatewayClientConfiguration : IEntityTypeConfiguration<GatewayClient>
{
    public void Configure(EntityTypeBuilder<GatewayClient> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Hash).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(GatewayClient.NameMaxLength);
        builder.Property(c => c.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.VisiblePrefix).HasMaxLength(GatewayCredentialFormat.VisiblePrefixLength);
        builder.Property(c => c.Hash).HasMaxLength(GatewayClient.HashLength).IsFixedLength();
        builder.Ignore(c => c.Status);
        builder.Ignore(c => c.IsActive);
        // Two revocations at once: the second finds it changed and writes nothing.
        builder.Property(c => c.RevokedAt).IsConcurrencyToken();
    }
}
