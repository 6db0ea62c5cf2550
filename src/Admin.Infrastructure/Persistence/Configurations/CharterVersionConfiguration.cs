using Admin.Domain.Charters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence.Configurations;

internal sealed class CharterVersionConfiguration : IEntityTypeConfiguration<CharterVersion>
{
    public void Configure(EntityTypeBuilder<CharterVersion> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(CharterVersion.TitleMaxLength);
        builder.HasIndex(c => new { c.Major, c.Minor }).IsUnique();
        builder.Ignore(c => c.Label);
    }
}
