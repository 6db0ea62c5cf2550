using Admin.Domain.Organizations;

namespace Admin.Infrastructure.Outbox;

/// <summary>Who an e-mail goes to: each usable address once (someone may hold several roles), missing or invalid ones skipped.</summary>
internal static class Recipients
{
    public static IEnumerable<string> Usable(IEnumerable<string?> addresses) =>
        addresses.Where(EmailAddress.IsValid).Select(e => e!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
}
