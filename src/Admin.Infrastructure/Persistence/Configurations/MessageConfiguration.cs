using Admin.Domain.AccessRequests;
using Admin.Domain.Messages;
using Admin.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(m => m.AccessRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Body).HasMaxLength(RequestMessage.BodyMaxLength);
        builder.Property(m => m.Decision).HasConversion<string>().HasMaxLength(20);
        // The thread in order, and the unread counts (messages of one side after a date) per request.
        builder.HasIndex(m => new { m.AccessRequestId, m.SentAt });
        builder.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class MessageReadMarkerConfiguration : IEntityTypeConfiguration<MessageReadMarker>
{
    public void Configure(EntityTypeBuilder<MessageReadMarker> builder)
    {
        builder.HasKey(m => new { m.UserId, m.AccessRequestId });
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(m => m.AccessRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Title).HasMaxLength(MessageTemplate.TitleMaxLength);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.BodyMaxLength);
        builder.HasIndex(t => new { t.Kind, t.IsRetired });
    }
}
