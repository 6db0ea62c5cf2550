using System.Globalization;

namespace Admin.Domain.AccessRequests;

/// <summary>
/// An immutable copy of what a request says (its five content sections and the charter version
/// accepted), taken at each submission and at approval. Staff compare two of them field by field;
/// refusing an update restores the approved one.
/// </summary>
public sealed record RequestContent(
    Procedure Procedure,
    LegalBasis LegalBasis,
    IReadOnlyList<string> Scopes,
    DataProtection DataProtection,
    Contacts Contacts,
    int? CharterMajor,
    int? CharterMinor)
{
    /// <summary>Every field as text, keyed like the form fields ("Procedure.Name", "Scopes[cnaf_quotient_familial]").</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Fields()
    {
        var fields = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value) => fields.Add(new(key, value));

        Add("Procedure.Name", Procedure.Name);
        Add("Procedure.Description", Procedure.Description);
        Add("Procedure.PublicUrl", Procedure.PublicUrl);
        Add("Procedure.Simplification", Procedure.Simplification);
        Add("Procedure.ExpectedGoLive", Procedure.ExpectedGoLive?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("Procedure.YearlyVolume", Procedure.YearlyVolume?.ToString(CultureInfo.InvariantCulture));
        Add("Procedure.Modalities", Procedure.Modalities == ProcedureModalities.None ? null : Procedure.Modalities.ToString());
        Add("LegalBasis.Title", LegalBasis.Title);
        Add("LegalBasis.Url", LegalBasis.Url);
        Add("LegalBasis.Document", LegalBasis.Document is { } d ? $"{d.FileName} (SHA-256 {d.Sha256[..12]}…)" : null);
        foreach (var scope in Scopes.Order(StringComparer.Ordinal))
        {
            Add($"Scopes[{scope}]", scope);
        }

        Add("DataProtection.Recipients", DataProtection.Recipients);
        Add("DataProtection.RetentionMonths", DataProtection.RetentionMonths?.ToString(CultureInfo.InvariantCulture));
        Add("DataProtection.RetentionJustification", DataProtection.RetentionJustification);
        foreach (var (role, contact) in new[] { ("BusinessContact", Contacts.BusinessContact), ("TechnicalContact", Contacts.TechnicalContact), ("Dpo", Contacts.Dpo) })
        {
            Add($"Contacts.{role}.FirstName", contact.FirstName);
            Add($"Contacts.{role}.LastName", contact.LastName);
            Add($"Contacts.{role}.Email", contact.Email);
            Add($"Contacts.{role}.Phone", contact.Phone);
        }

        Add("Engagements.Charter", CharterMajor is { } major ? $"{major}.{CharterMinor ?? 0}" : null);
        return fields;
    }

    /// <summary>
    /// What changed from <paramref name="before"/> to <paramref name="after"/>, in form order; a
    /// scope added has no Before, a scope removed no After.
    /// </summary>
    public static IReadOnlyList<FieldChange> Compare(RequestContent before, RequestContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Fields().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var (key, value) in after.Fields())
        {
            var had = old.Remove(key, out var previous);
            if (!had || !string.Equals(previous, value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(key, had ? previous : null, value));
            }
        }

        // Fields that exist only before: scopes removed.
        changes.AddRange(old.Where(f => f.Value is not null).Select(f => new FieldChange(f.Key, f.Value, null)));
        return changes;
    }
}

/// <summary>One field that differs between two versions of a request.</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public bool IsScope => Field.StartsWith("Scopes[", StringComparison.Ordinal);
}
