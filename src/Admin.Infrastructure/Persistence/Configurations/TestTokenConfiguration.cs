using Admin.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class TestTokenConfiguration : IEntityTypeConfiguration<TestToken>
{
    public void Configure(EntityTypeBuilder<TestToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.Property(t => t.Hash).HasMaxLength(ApiKey.HashLength).IsFixedLength();
        builder.Ignore(t => t.Environment);
    }
}
