using Admin.Domain.Authorizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class ExpiryReminderConfiguration : IEntityTypeConfiguration<ExpiryReminder>
{
    public void Configure(EntityTypeBuilder<ExpiryReminder> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Authorization>().WithMany().HasForeignKey(r => r.AuthorizationId).OnDelete(DeleteBehavior.Cascade);
        // "Exactly once": a second run's insert of the same reminder fails, and its e-mails with it (ADR 0015).
        builder.HasIndex(r => new { r.AuthorizationId, r.ExpiresOn, r.DaysBefore }).IsUnique();
    }
}
