using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// The applicant or technical contact creates a key on an active authorization, having confirmed
/// their identity in the last 10 minutes. The secret is generated here, returned once for the page
/// that shows it, and only its SHA-256 and prefix are saved.
/// </summary>
public static class IssueKey
{
    public const string ConfirmationRequiredCode = "api_key.identity_confirmation_required";
    public static readonly Error ConfirmationRequired = new(ConfirmationRequiredCode, "Confirmez votre identité avant de créer une clé.");

    public sealed record Command(Guid AuthorizationId, string? Name, ApiKeyEnvironment? Environment) : ICommand<Result<Issued>>;

    /// <summary>The new key, with its secret: shown once, never stored, never logged (ToString leaves it out).</summary>
    public sealed record Issued(Guid KeyId, Guid AuthorizationId, string Name, ApiKeyEnvironment Environment, string Prefix,
        DateTimeOffset ExpiresAt, string Secret, Replaced? Renewal = null)
    {
        public override string ToString() => $"Issued {{ KeyId = {KeyId}, Prefix = {Prefix} }}";
    }

    /// <summary>For a renewal: the key the new one replaces, and when that one stops working.</summary>
    public sealed record Replaced(string Prefix, DateTimeOffset ExpiresAt);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Issued>>
    {
        public async ValueTask<Result<Issued>> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(command.AuthorizationId, Need.IssueKeys, ct);
            if (allowed.IsFailure) return Result<Issued>.From(allowed);
            var now = time.GetUtcNow();
            if (!IdentityConfirmation.IsRecent(user.IdentityConfirmedAt, now))
                return Result<Issued>.Failure(ErrorKind.Forbidden, [ConfirmationRequired]);

            // Who may comes first: only then is what was typed judged (the domain checks it again).
            if (command.Environment is not { } environment || !Enum.IsDefined(environment))
                return Result<Issued>.Failure(ErrorKind.Validation, [.. ApiKey.NameErrors(command.Name), ApiKeyErrors.EnvironmentInvalid.ForField("Environment")]);
            var generated = ApiKeySecrets.Generate(environment);
            var issued = ApiKey.Issue(allowed.Value.Authorization, allowed.Value.Organization, user.Id, command.Name, environment, generated.Material, now);
            if (issued.IsFailure) return Result<Issued>.From(issued);

            var key = issued.Value;
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            return new Issued(key.Id, key.AuthorizationId, key.Name, key.Environment, key.Prefix.Display, key.ExpiresAt, generated.Secret);
        }
    }
}
