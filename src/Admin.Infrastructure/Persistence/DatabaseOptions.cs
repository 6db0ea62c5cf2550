namespace Admin.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Where the data lives. SQLite (a file in the data folder) unless configured otherwise.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite files, e-mails written in Development and uploaded documents.</summary>
    public string DataDirectory { get; set; } = "App_Data";
}
