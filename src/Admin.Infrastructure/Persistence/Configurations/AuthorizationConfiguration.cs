using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class AuthorizationConfiguration : IEntityTypeConfiguration<Authorization>
{
    public void Configure(EntityTypeBuilder<Authorization> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(a => a.AccessRequestId).OnDelete(DeleteBehavior.Restrict);
        // One authorization per request: an approved update changes it in place.
        builder.HasIndex(a => a.AccessRequestId).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.Status });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SuspensionReason).HasMaxLength(Authorization.ReasonMaxLength);
        builder.Property(a => a.RevocationReason).HasMaxLength(Authorization.ReasonMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Scopes);
        builder.Ignore(a => a.Terms);
        builder.PrimitiveCollection<List<string>>("_scopes").HasColumnName("Scopes");
    }
}
