using System.Text.Json;
using Admin.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admin.Infrastructure.Persistence.Configurations;

/// <summary>
/// A request's content (a submission snapshot, the approved content) stored as one JSON column:
/// snapshots are read whole and never queried field by field. Plain records keep the JSON
/// independent of the domain types' constructors.
/// </summary>
internal static class RequestContentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<RequestContent, string> Converter = new(c => Serialize(c), json => Deserialize(json));

    public static readonly ValueComparer<RequestContent> Comparer = new(
        (a, b) => a == null ? b == null : b != null && Serialize(a) == Serialize(b),
        c => Serialize(c).GetHashCode(StringComparison.Ordinal),
        c => Deserialize(Serialize(c)));

    public static string Serialize(RequestContent content) => JsonSerializer.Serialize(new ContentDto(
        new ProcedureDto(content.Procedure.Name, content.Procedure.Description, content.Procedure.PublicUrl, content.Procedure.Simplification,
            content.Procedure.ExpectedGoLive, content.Procedure.YearlyVolume, content.Procedure.Modalities),
        new LegalBasisDto(content.LegalBasis.Title, content.LegalBasis.Url, content.LegalBasis.Document is { } d
            ? new DocumentDto(d.DocumentId, d.FileName, d.SizeBytes, d.Sha256)
            : null),
        [.. content.Scopes],
        new DataProtectionDto(content.DataProtection.Recipients, content.DataProtection.RetentionMonths, content.DataProtection.RetentionJustification),
        new ContactsDto(Contact(content.Contacts.BusinessContact), Contact(content.Contacts.TechnicalContact), Contact(content.Contacts.Dpo)),
        content.CharterMajor, content.CharterMinor), Options);

    public static RequestContent Deserialize(string json)
    {
        var dto = JsonSerializer.Deserialize<ContentDto>(json, Options) ?? throw new InvalidOperationException("Empty request content.");
        var p = dto.Procedure;
        var l = dto.LegalBasis;
        return new RequestContent(
            new Procedure(p.Name, p.Description, p.PublicUrl, p.Simplification, p.ExpectedGoLive, p.YearlyVolume, p.Modalities),
            new LegalBasis(l.Title, l.Url, l.Document is { } d ? new LegalDocument(d.DocumentId, d.FileName, d.SizeBytes, d.Sha256) : null),
            dto.Scopes,
            new DataProtection(dto.DataProtection.Recipients, dto.DataProtection.RetentionMonths, dto.DataProtection.RetentionJustification),
            new Contacts(Contact(dto.Contacts.BusinessContact), Contact(dto.Contacts.TechnicalContact), Contact(dto.Contacts.Dpo)),
            dto.CharterMajor, dto.CharterMinor);
    }

    private static ContactDto Contact(Contact c) => new(c.FirstName, c.LastName, c.Email, c.Phone);

    private static Contact Contact(ContactDto c) => new(c.FirstName, c.LastName, c.Email, c.Phone);

    private sealed record ContentDto(ProcedureDto Procedure, LegalBasisDto LegalBasis, List<string> Scopes, DataProtectionDto DataProtection,
        ContactsDto Contacts, int? CharterMajor, int? CharterMinor);

    private sealed record ProcedureDto(string? Name, string? Description, string? PublicUrl, string? Simplification, DateOnly? ExpectedGoLive,
        int? YearlyVolume, ProcedureModalities Modalities);

    private sealed record LegalBasisDto(string? Title, string? Url, DocumentDto? Document);

    private sealed record DocumentDto(Guid DocumentId, string FileName, long SizeBytes, string Sha256);

    private sealed record DataProtectionDto(string? Recipients, int? RetentionMonths, string? RetentionJustification);

    private sealed record ContactsDto(ContactDto BusinessContact, ContactDto TechnicalContact, ContactDto Dpo);

    private sealed record ContactDto(string? FirstName, string? LastName, string? Email, string? Phone);
}
