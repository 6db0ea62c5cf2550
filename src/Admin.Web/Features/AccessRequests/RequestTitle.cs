namespace Admin.Web.Features.AccessRequests;

public static class RequestTitle
{
    /// <summary>How a request is named on screen: its procedure's name, once typed.</summary>
    public static string Of(string? procedureName) =>
        string.IsNullOrWhiteSpace(procedureName) ? "Demande sans titre" : procedureName;

    /// <summary>In a list, an untitled draft is told apart by its date: "Demande sans titre du 1 décembre 2026".</summary>
    public static string Of(string? procedureName, DateTimeOffset createdAt) =>
        string.IsNullOrWhiteSpace(procedureName) ? $"Demande sans titre du {Admin.Infrastructure.Email.FrenchDates.Day(createdAt)}" : procedureName;
}
