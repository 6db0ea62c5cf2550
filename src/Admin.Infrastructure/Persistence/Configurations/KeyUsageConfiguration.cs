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
        builder.HasIndex(u => new { u.AuthorizationId, u.Hour });
        builder.HasIndex(u => u.Hour);
    }
}

internal sealed class KeyUsageDayConfiguration : IEntityTypeConfiguration<KeyUsageDay>
{
    public void Configure(EntityTypeBuilder<KeyUsageDay> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Route).HasMaxLength(KeyUsageHour.RouteMaxLength);
        builder.Property(u => u.Scope).HasMaxLength(KeyUsageHour.ScopeMaxLength);
        builder.Property(u => u.Code).HasMaxLength(KeyUsageHour.CodeMaxLength);
        // One row per key, Paris day, route, scopes and code: the roll-up replaces it.
        builder.HasIndex(u => new { u.KeyId, u.Day, u.Route, u.Scope, u.Code }).IsUnique();
        builder.HasIndex(u => new { u.OrganizationId, u.Day });
        builder.HasIndex(u => new { u.AuthorizationId, u.Day });
        builder.HasIndex(u => u.Day);
    }
}

internal sealed class UsageRollupConfiguration : IEntityTypeConfiguration<UsageRollup>
{
    public void Configure(EntityTypeBuilder<UsageRollup> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
    }
}

internal sealed class UsageAlertConfiguration : IEntityTypeConfiguration<UsageAlert>
{
    public void Configure(EntityTypeBuilder<UsageAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Message);
        builder.Property(a => a.Detail).HasMaxLength(UsageAlert.DetailMaxLength);
        // Once per key, kind, threshold and period, whatever the number of nodes.
        builder.HasIndex(a => new { a.KeyId, a.Kind, a.Threshold, a.PeriodStart }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.RaisedAt });
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
