namespace Admin.Web.Features.Organizations;

/// <summary>
/// The page in front of a destructive action (remove, leave, revoke): the question, one POST button,
/// a way back. Works without JavaScript.
/// </summary>
public sealed record Confirmation(string Title, string Question, string ActionUrl, string ConfirmLabel, string CancelUrl,
    string? Consequence = null, string CancelLabel = "Non, revenir aux membres")
{
    /// <summary>The view, for the controllers of other areas (administration) that ask the same way.</summary>
    public const string ViewPath = "~/Views/Organizations/Confirm.cshtml";
}
