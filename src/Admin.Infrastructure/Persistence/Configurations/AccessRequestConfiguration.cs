using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganizationId, r.UpdatedAt });
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.Property(r => r.Reference).HasMaxLength(12).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Number).HasMaxLength(RequestNumber.MaxLength).IsRequired();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.AssignedTo, r.Status });
        builder.HasIndex(r => r.ApplicantId);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.DecisionMessage).HasMaxLength(AccessRequest.MessageMaxLength);
        // Two people saving the same version: the second one fails instead of overwriting.
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.Ignore(r => r.Scopes);
        builder.Ignore(r => r.GrantedScopes);
        builder.Ignore(r => r.CurrentSubmission);
        builder.PrimitiveCollection<List<string>>("_scopes").HasColumnName("Scopes");
        builder.PrimitiveCollection<List<string>>("_grantedScopes").HasColumnName("GrantedScopes");
        builder.Ignore(r => r.LockedScopes);
        builder.PrimitiveCollection<List<string>>("_lockedScopes").HasColumnName("LockedScopes");
        // No foreign key: a use case is reference data an administrator may retire; the title is kept on the request.
        builder.Property(r => r.UseCaseTitle).HasMaxLength(Admin.Domain.UseCases.UseCase.TitleMaxLength);

        builder.OwnsOne(r => r.Procedure, p =>
        {
            p.Property(x => x.Name).HasMaxLength(Procedure.NameMaxLength);
            p.Property(x => x.Description).HasMaxLength(Procedure.DescriptionMaxLength);
            p.Property(x => x.PublicUrl).HasMaxLength(Procedure.PublicUrlMaxLength);
            p.Property(x => x.Simplification).HasMaxLength(Procedure.SimplificationMaxLength);
        });
        builder.OwnsOne(r => r.LegalBasis, l =>
        {
            l.Property(x => x.Title).HasMaxLength(LegalBasis.TitleMaxLength);
            l.Property(x => x.Url).HasMaxLength(LegalBasis.UrlMaxLength);
            l.OwnsOne(x => x.Document, d =>
            {
                d.Property(x => x.FileName).HasMaxLength(LegalDocument.FileNameMaxLength);
                d.Property(x => x.Sha256).HasMaxLength(64);
            });
        });
        builder.OwnsOne(r => r.DataProtection, d =>
        {
            d.Property(x => x.Recipients).HasMaxLength(DataProtection.RecipientsMaxLength);
            d.Property(x => x.RetentionJustification).HasMaxLength(DataProtection.JustificationMaxLength);
        });
        builder.OwnsOne(r => r.Contacts, c =>
        {
            c.OwnsOne(x => x.BusinessContact, Contact);
            c.OwnsOne(x => x.TechnicalContact, Contact);
            c.OwnsOne(x => x.Dpo, Contact);
        });
        builder.OwnsOne(r => r.Engagements);

        builder.Property(r => r.ApprovedContent).HasConversion(RequestContentJson.Converter!, RequestContentJson.Comparer);
        builder.HasIndex(r => r.AuthorizationId);
        // One row per submission: the review cycle and the snapshot of what was submitted.
        builder.Navigation(r => r.Submissions).HasField("_submissions");
        builder.OwnsMany(r => r.Submissions, s =>
        {
            s.ToTable("AccessRequestSubmissions");
            s.WithOwner().HasForeignKey("AccessRequestId");
            s.HasKey("AccessRequestId", nameof(Submission.Number));
            s.Property(x => x.Number).ValueGeneratedNever();
            s.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            s.Property(x => x.Content).HasConversion(RequestContentJson.Converter, RequestContentJson.Comparer);
            s.Ignore(x => x.TimeToFirstReview);
        });
        foreach (var section in new[] { "Procedure", "LegalBasis", "DataProtection", "Contacts", "Engagements" })
        {
            builder.Navigation(section).IsRequired();
        }
    }

    private static void Contact<TOwner>(OwnedNavigationBuilder<TOwner, Contact> contact) where TOwner : class
    {
        contact.Property(x => x.FirstName).HasMaxLength(Domain.AccessRequests.Contact.NameMaxLength);
        contact.Property(x => x.LastName).HasMaxLength(Domain.AccessRequests.Contact.NameMaxLength);
        contact.Property(x => x.Email).HasMaxLength(254);
        contact.Property(x => x.Phone).HasMaxLength(30);
    }
}
