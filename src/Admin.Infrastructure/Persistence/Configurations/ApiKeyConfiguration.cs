using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.HasOne<Authorization>().WithMany().HasForeignKey(k => k.AuthorizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.AuthorizationId);
        // Looked up by hash (the gateway); two keys can never share one.
        builder.HasIndex(k => k.Hash).IsUnique();
        // Support finds a key by the prefix a partner reads out.
        builder.HasIndex(k => k.Prefix);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Prefix).HasConversion(p => p.Value, v => ApiKeyPrefix.FromStored(v)).HasMaxLength(ApiKeyPrefix.Length);
        builder.Property(k => k.Hash).HasMaxLength(ApiKey.HashLength).IsFixedLength();
        // Canonical entries (no spaces inside), one space between them.
        builder.Property(k => k.AllowedIps)
            .HasConversion(
                v => string.Join(' ', v),
                v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode(StringComparison.Ordinal))), v => v.ToArray()))
            .HasMaxLength(IpAllowList.StoredMaxLength);
        builder.Property(k => k.RevocationReason).HasMaxLength(ApiKey.ReasonMaxLength);
        // Two revocations at once: the second finds the key changed and writes nothing (nor a second audit row).
        builder.Property(k => k.RevokedAt).IsConcurrencyToken();
        // Two renewals at once: the second finds the key already replaced and adds no second successor.
        builder.Property(k => k.ReplacedById).IsConcurrencyToken();
    }
}
