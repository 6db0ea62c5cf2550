using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

/// <summary>A registered organization whose members joined through the real invitation flow.</summary>
internal sealed class OrganizationBuilder
{
    public static readonly Guid Creator = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private readonly List<(Guid UserId, MembershipRole Role)> _members = [];

    public static OrganizationBuilder Registered() => new();

    public OrganizationBuilder WithMember(Guid userId, MembershipRole role)
    {
        _members.Add((userId, role));
        return this;
    }

    public Organization Build()
    {
        var organization = Organization.Register(
            Siret.Parse("21750001600019").Value, "Ville de Paris", OrganizationKind.Commune,
            Address.Create("Place de l'Hôtel de Ville", "75004", "Paris").Value, Creator, TestClock.Now).Value;

        foreach (var (userId, role) in _members)
        {
            var email = EmailOf(userId);
            _ = organization.Invite(Creator, email, role, TokenHashOf(userId), TestClock.Now).Value;
            var accepted = organization.AcceptInvitation(TokenHashOf(userId), userId, email, TestClock.Now);
            if (accepted.IsFailure) throw new InvalidOperationException(accepted.Errors[0].Code);
        }

        organization.ClearDomainEvents();
        return organization;
    }

    public static string EmailOf(Guid userId) => $"user-{userId:N}@paris.fr";

    public static string TokenHashOf(Guid userId) => $"hash-{userId:N}";
}
