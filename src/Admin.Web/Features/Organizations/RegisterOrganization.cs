using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// A partner registers their organization by its SIRET and becomes its first applicant; it becomes
/// their current organization. The rules (SIRET, name, kind, address) are the domain's.
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

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, PartnerContext partner, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        private static readonly Siret StandInSiret = Siret.Parse("21750001600019").Value;
        private static readonly Address StandInAddress = Address.Create("Place de l'Hôtel de Ville", "75004", "Paris").Value;

        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var siret = Siret.Parse(command.Siret);
            var address = Address.Create(command.Address?.Street, command.Address?.PostalCode, command.Address?.City);
            // The name and kind rules live in Organization.Register only. Calling it even when the SIRET or
            // the address is wrong (with stand-ins, the result then thrown away) reports every field at once.
            var registered = Organization.Register(siret.IsSuccess ? siret.Value : StandInSiret, command.Name, command.Kind ?? default,
                address.IsSuccess ? address.Value : StandInAddress, user.Id, time.GetUtcNow());
            if (siret.IsFailure || address.IsFailure || registered.IsFailure)
            {
                return Result<Guid>.Failure(ErrorKind.Validation, [.. siret.Errors, .. address.Errors, .. registered.Errors]);
            }

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

            await partner.SwitchToAsync(registered.Value.Id, ct);
            return registered.Value.Id;
        }

        private Task<bool> IsRegisteredAsync(Siret siret, CancellationToken ct) =>
            db.Organizations.AsNoTracking().AnyAsync(o => o.Siret == siret, ct);

        private static Result<Guid> Taken() => Result<Guid>.Failure(ErrorKind.Validation, [SiretAlreadyRegistered]);
    }
}
