using Admin.Domain.Scopes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class ScopeConfiguration : IEntityTypeConfiguration<Scope>
{
    public void Configure(EntityTypeBuilder<Scope> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(100);
        builder.Property(s => s.ProviderCode).HasMaxLength(50);
        builder.Property(s => s.ProviderName).HasMaxLength(200);
        builder.Property(s => s.Label).HasMaxLength(Scope.LabelMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Scope.DescriptionMaxLength);
        builder.HasIndex(s => s.ProviderCode);
    }
}
