namespace Admin.Web.Features.AccessRequests;

public static class RequestTitle
{
    /// <summary>How a request is named on screen: its procedure's name, once typed.</summary>
    public static string Of(string? procedureName) =>
        string.IsNullOrWhiteSpace(procedureName) ? "Demande sans titre" : procedureName;
}
