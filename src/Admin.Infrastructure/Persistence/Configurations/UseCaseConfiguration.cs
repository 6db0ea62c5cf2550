using Admin.Domain.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class UseCaseConfiguration : IEntityTypeConfiguration<UseCase>
{
    public void Configure(EntityTypeBuilder<UseCase> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Code).HasMaxLength(UseCase.CodeMaxLength);
        // The seed matches on the code: one use case per code, retired ones included.
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Title).HasMaxLength(UseCase.TitleMaxLength);
        builder.Property(u => u.Audience).HasMaxLength(UseCase.AudienceMaxLength);
        builder.Property(u => u.LegalBasisHint).HasMaxLength(UseCase.HintMaxLength);
        builder.Property(u => u.LegalBasisUrl).HasMaxLength(UseCase.UrlMaxLength);
        builder.Ignore(u => u.OfferedScopes);
        builder.Ignore(u => u.PreselectedScopes);
        builder.Ignore(u => u.FixedScopes);
        builder.PrimitiveCollection<List<string>>("_offered").HasColumnName("OfferedScopes");
        builder.PrimitiveCollection<List<string>>("_preselected").HasColumnName("PreselectedScopes");
        builder.PrimitiveCollection<List<string>>("_fixed").HasColumnName("FixedScopes");
    }
}
