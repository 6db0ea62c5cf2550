using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

/// <summary>
/// The prolongation questionnaire: is everything still as approved? All "yes" prolongs the
/// authorization (and its keys) by up to 18 months from the answer; any "no" sends the request back
/// through review, its keys working meanwhile (docs/decisions/0016).
/// </summary>
public sealed record ProlongationAnswers(bool SameOrganization, bool SamePurpose, bool SameContacts, bool SameScopes)
{
    public bool AllYes => SameOrganization && SamePurpose && SameContacts && SameScopes;

    /// <summary>The answers as posted: each question needs a yes or a no, reported on its own field.</summary>
    public static Result<ProlongationAnswers> From(bool? sameOrganization, bool? samePurpose, bool? sameContacts, bool? sameScopes)
    {
        var errors = new List<Error>();
        if (sameOrganization is null) errors.Add(AuthorizationErrors.AnswerRequired.ForField(nameof(SameOrganization)));
        if (samePurpose is null) errors.Add(AuthorizationErrors.AnswerRequired.ForField(nameof(SamePurpose)));
        if (sameContacts is null) errors.Add(AuthorizationErrors.AnswerRequired.ForField(nameof(SameContacts)));
        if (sameScopes is null) errors.Add(AuthorizationErrors.AnswerRequired.ForField(nameof(SameScopes)));
        return errors.Count > 0
            ? Result<ProlongationAnswers>.Failure(ErrorKind.Validation, errors)
            : new ProlongationAnswers(sameOrganization!.Value, samePurpose!.Value, sameContacts!.Value, sameScopes!.Value);
    }
}

public static class Prolongation
{
    /// <summary>The questionnaire opens this many days before the expiry, with the first reminder.</summary>
    public const int WindowDays = 90;
}
