using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// A partner registers their organization by its SIRET and becomes its first applicant; it becomes
/// their current organization (the controller remembers it). The rules (SIRET, name, kind, address) are the domain's.
/// </summary>
public static class RegisterOrganization
{
    public sealed record AddressInput(string? Street, string? PostalCode, string? City);

    public sealed record Command(string? Siret, string? Name, OrganizationKind? Kind, AddressInput? Address) : ICommand<Result<Guid>>
    {
        public static Command Empty => new(null, null, null, new AddressInput(null, null, null));
    }

    public static readonly Error SiretAlreadyRegistered = new("organization.siret_already_registered",
        "Cette organisation est déjà inscrite : demandez à l'un de ses demandeurs de vous inviter.", nameof(Command.Siret));

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var siret = Siret.Parse(command.Siret);
            var address = Address.Create(command.Address?.Street, command.Address?.PostalCode, command.Address?.City);
            // Every field's errors at once: SIRET, address, name and kind.
            var details = Organization.DetailsErrors(command.Name, command.Kind ?? default);
            if (siret.IsFailure || address.IsFailure || details.Count > 0)
            {
                return Result<Guid>.Failure(ErrorKind.Validation, [.. siret.Errors, .. address.Errors, .. details]);
            }

            var registered = Organization.Register(siret.Value, command.Name, command.Kind!.Value, address.Value, user.Id, time.GetUtcNow());
            if (registered.IsFailure) return Result<Guid>.From(registered);

            if (await IsRegisteredAsync(siret.Value, ct)) return Taken();

            db.Organizations.Add(registered.Value);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone registered the same SIRET between our check and our insert: the unique index said no.
                if (!await IsRegisteredAsync(siret.Value, CancellationToken.None)) throw;
                return Taken();
            }

            return registered.Value.Id;
        }

        private Task<bool> IsRegisteredAsync(Siret siret, CancellationToken ct) =>
            db.Organizations.AsNoTracking().AnyAsync(o => o.Siret == siret, ct);

        private static Result<Guid> Taken() => Result<Guid>.Failure(ErrorKind.Validation, [SiretAlreadyRegistered]);
    }
}
