using Admin.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AggregateType).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.FromState).HasMaxLength(50);
        builder.Property(a => a.ToState).HasMaxLength(50);
        builder.Property(a => a.Reason).HasMaxLength(4000);
        builder.HasIndex(a => new { a.AggregateType, a.AggregateId, a.OccurredAt });
    }
}
