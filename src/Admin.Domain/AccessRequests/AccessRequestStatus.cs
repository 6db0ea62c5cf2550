namespace Admin.Domain.AccessRequests;

public enum AccessRequestStatus
{
    Draft = 1,
    Submitted = 2,
    ChangesRequested = 3,
    Approved = 4,
    Refused = 5,
    Revoked = 6,
    Archived = 7,
}

public static class AccessRequestStatusLabels
{
    /// <summary>
    /// French label of a status. A submitted request is "Envoyée" for the partner who sent it and
    /// "En instruction" for the staff who review it.
    /// </summary>
    public static string FrenchLabel(this AccessRequestStatus status, bool forStaff = false) => status switch
    {
        AccessRequestStatus.Draft => "Brouillon",
        AccessRequestStatus.Submitted => forStaff ? "En instruction" : "Envoyée",
        AccessRequestStatus.ChangesRequested => "Modifications demandées",
        AccessRequestStatus.Approved => "Validée",
        AccessRequestStatus.Refused => "Refusée",
        AccessRequestStatus.Revoked => "Révoquée",
        AccessRequestStatus.Archived => "Archivée",
        _ => status.ToString(),
    };
}
