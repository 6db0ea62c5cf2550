using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public class GatewayClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Administrator = Guid.NewGuid();
    private static readonly GatewayCredentialMaterial Material = new("apip_gw_AbC9", new string('a', 64));

    [Fact]
    public void Create_trims_the_name_and_raises_an_event_without_the_hash()
    {
        var client = GatewayClient.Create("  nginx  ", ApiKeyEnvironment.Sandbox, Material, Administrator, Now).Value;

        Assert.Equal(("nginx", ApiKeyEnvironment.Sandbox, GatewayClientStatus.Active, Administrator), (client.Name, client.Environment, client.Status, client.CreatedBy));
        var created = Assert.IsType<GatewayClientCreated>(Assert.Single(client.DomainEvents));
        Assert.Equal(("gateway_client.created", "apip_gw_AbC9"), (created.Action, created.VisiblePrefix));
    }

    [Theory]
    [InlineData(null, "gateway_client.name_required")]
    [InlineData("   ", "gateway_client.name_required")]
    public void Create_without_a_name_fails_on_the_name(string? name, string code)
    {
        var result = GatewayClient.Create(name, ApiKeyEnvironment.Production, Material, Administrator, Now);

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        Assert.Equal([(code, "Name")], result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Create_with_a_name_too_long_or_no_environment_fails_on_both_fields()
    {
        var result = GatewayClient.Create(new string('n', GatewayClient.NameMaxLength + 1), null, Material, Administrator, Now);

        Assert.Equal(["gateway_client.name_too_long", "gateway_client.environment_invalid"], result.Errors.Select(e => e.Code));
        Assert.True(GatewayClient.Create(new string('n', GatewayClient.NameMaxLength), (ApiKeyEnvironment)9, Material, Administrator, Now).IsFailure);
        Assert.True(GatewayClient.Create(new string('n', GatewayClient.NameMaxLength), ApiKeyEnvironment.Production, Material, Administrator, Now).IsSuccess);
    }

    [Fact]
    public void Create_refuses_material_that_is_not_a_credential_s()
    {
        Assert.Throws<ArgumentException>(() => GatewayClient.Create("x", ApiKeyEnvironment.Production, Material with { Hash = "abc" }, Administrator, Now));
        Assert.Throws<ArgumentException>(() => GatewayClient.Create("x", ApiKeyEnvironment.Production, Material with { VisiblePrefix = "apip_live_Ab" }, Administrator, Now));
    }

    [Fact]
    public void Revoke_once_then_again_is_a_conflict_and_raises_one_event()
    {
        var client = GatewayClient.Create("nginx", ApiKeyEnvironment.Production, Material, Administrator, Now).Value;
        client.ClearDomainEvents();

        Assert.True(client.Revoke(Administrator, Now.AddHours(1)).IsSuccess);
        var again = client.Revoke(Administrator, Now.AddHours(2));

        Assert.Equal(ErrorKind.Conflict, again.FailureKind);
        Assert.Equal((GatewayClientStatus.Revoked, (DateTimeOffset?)Now.AddHours(1), (Guid?)Administrator), (client.Status, client.RevokedAt, client.RevokedBy));
        Assert.IsType<GatewayClientRevoked>(Assert.Single(client.DomainEvents));
    }

    [Fact]
    public void Mark_used_only_moves_forward()
    {
        var client = GatewayClient.Create("nginx", ApiKeyEnvironment.Production, Material, Administrator, Now).Value;

        client.MarkUsed(Now.AddMinutes(5));
        client.MarkUsed(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(5), client.LastUsedAt);
    }

    [Theory]
    [InlineData("apip_gw_0123456789ABCDEFGHIJabcdefghij0123456789", true)]
    [InlineData("apip_gw_0123456789ABCDEFGHIJabcdefghij012345678", false)]
    [InlineData("apip_gw_0123456789ABCDEFGHIJabcdefghij01234567-9", false)]
    [InlineData("apip_GW_0123456789ABCDEFGHIJabcdefghij0123456789", false)]
    [InlineData(null, false)]
    public void A_credential_is_the_prefix_and_40_base62_characters(string? secret, bool wellFormed)
    {
        Assert.Equal(wellFormed, GatewayCredentialFormat.IsWellFormed(secret));
    }
}
