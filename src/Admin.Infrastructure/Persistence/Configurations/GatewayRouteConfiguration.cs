using Admin.Domain.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class GatewayRouteConfiguration : IEntityTypeConfiguration<GatewayRoute>
{
    public void Configure(EntityTypeBuilder<GatewayRoute> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.PathPrefix).HasMaxLength(GatewayRoute.PathMaxLength);
        // One route per prefix: the seed matches on it, and the gateway's table is keyed by it.
        builder.HasIndex(r => r.PathPrefix).IsUnique();
        builder.Property(r => r.Match).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Note).HasMaxLength(GatewayRoute.NoteMaxLength);
        builder.Ignore(r => r.Scopes);
        builder.PrimitiveCollection<List<string>>("_scopes").HasColumnName("Scopes");
    }
}
