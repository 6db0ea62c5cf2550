namespace Admin.Infrastructure.Seed;

/// <summary>
/// Every fixed secret of the demo data, Development only, the same on every fresh clone so that the
/// README can list them and a newcomer can call the gateway with <c>curl</c>. The keys are in the
/// contract's format (prefix, 32 base62 characters, CRC-32 checksum: <c>ApiKeyFormat.Compose</c> of the
/// readable random part); a test checks each one. Anywhere else a secret comes from the cryptographic
/// generator and is known to nobody but its holder.
/// </summary>
public static class DemoSecrets
{
    /// <summary>Valid production key of Commune de Démo ("Aide aux vacances": 20 calls/s, 100,000 a day, 2,000,000 a month).</summary>
    public const string ProductionKey = "apip_live_CommuneDeDemoCleDeProduction20261gii4T";

    /// <summary>Valid sandbox key of the same authorization.</summary>
    public const string SandboxKey = "apip_test_CommuneDeDemoCleDeBacASable202601yhhid";

    /// <summary>Revoked production key (answers REVOKED).</summary>
    public const string RevokedKey = "apip_live_CommuneDeDemoCleRevoquee000000020Hz1T3";

    /// <summary>Production key renewed with no overlap, so expired (answers EXPIRED).</summary>
    public const string ExpiredKey = "apip_live_CommuneDeDemoCleExpiree0000000031oIxT0";

    /// <summary>Its successor, valid from 192.0.2.0/24 only (answers IP_NOT_ALLOWED from anywhere else).</summary>
    public const string IpRestrictedKey = "apip_live_CommuneDeDemoCleRestreinteIP00040TVJnz";

    /// <summary>Key of the second approved request ("Portage de repas"), whose authorization is suspended (answers SUSPENDED).</summary>
    public const string SuspendedKey = "apip_live_CommuneDeDemoCleSuspendue00000053EGJel";

    /// <summary>The range the IP-restricted key is allowed from (TEST-NET-1, documentation addresses).</summary>
    public const string IpRestrictedRange = "192.0.2.0/24";

    /// <summary>Demo gateway credential, production (<c>X-Gateway-Credential</c>).</summary>
    public const string ProductionGatewayCredential = "apip_gw_DemoPasserelleDeProductionNePasUtiliser1";

    /// <summary>Demo gateway credential, sandbox.</summary>
    public const string SandboxGatewayCredential = "apip_gw_DemoPasserelleDuBacASableNePasUtiliser01";
}
