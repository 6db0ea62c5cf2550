using Admin.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class KeyUsageHourConfiguration : IEntityTypeConfiguration<KeyUsageHour>
{
    public void Configure(EntityTypeBuilder<KeyUsageHour> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Route).HasMaxLength(KeyUsageHour.RouteMaxLength);
        builder.Property(u => u.Scope).HasMaxLength(KeyUsageHour.ScopeMaxLength);
        builder.Property(u => u.Code).HasMaxLength(KeyUsageHour.CodeMaxLength);
        // One row per key, hour, route, scopes and code: a batch adds to it.
        builder.HasIndex(u => new { u.KeyId, u.Hour, u.Route, u.Scope, u.Code }).IsUnique();
        builder.HasIndex(u => new { u.OrganizationId, u.Hour });
        builder.HasIndex(u => u.Hour);
    }
}

internal sealed class KeyClientAddressConfiguration : IEntityTypeConfiguration<KeyClientAddress>
{
    public void Configure(EntityTypeBuilder<KeyClientAddress> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Address).HasMaxLength(KeyClientAddress.AddressMaxLength);
        builder.HasIndex(a => new { a.KeyId, a.Address }).IsUnique();
    }
}
