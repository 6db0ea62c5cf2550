using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Admin.Infrastructure.Persistence;

// Used by `dotnet ef` and by the tests that check each provider's migrations: neither connects.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAdminDbContext>
{
    public SqliteAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAdminDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAdminDbContext>
{
    public SqlServerAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAdminDbContext>()
            .UseSqlServer("Server=localhost;Database=ApiParticulierAdmin;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
