using Admin.Domain.Charters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class CharterAcceptanceConfiguration : IEntityTypeConfiguration<CharterAcceptance>
{
    public void Configure(EntityTypeBuilder<CharterAcceptance> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ClientIp).HasMaxLength(45);
        builder.HasIndex(c => new { c.OrganizationId, c.AcceptedAt });
        builder.HasOne<CharterVersion>().WithMany().HasForeignKey(c => c.CharterVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
