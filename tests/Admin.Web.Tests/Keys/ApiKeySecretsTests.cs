using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using System.Text;
using Admin.Domain.ApiKeys;
using Admin.Infrastructure.Keys;

namespace Admin.Web.Tests.Keys;

public sealed class ApiKeySecretsTests
{
    private static string IndependentChecksum(string body)
    {
        ulong value = System.IO.Hashing.Crc32.HashToUInt32(Encoding.ASCII.GetBytes(body));
        var digits = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }

    [Theory]
    [InlineData(ApiKeyEnvironment.Production, "apip_live_")]
    [InlineData(ApiKeyEnvironment.Sandbox, "apip_test_")]
    public void Generated_keys_have_the_contract_format_and_a_checksum_an_independent_crc32_agrees_with(ApiKeyEnvironment environment, string prefix)
    {
        for (var i = 0; i < 2000; i++)
        {
            var key = ApiKeySecrets.Generate(environment);

            Assert.Equal(48, key.Secret.Length);
            Assert.Matches($"^{prefix}[0-9A-Za-z]{{38}}$", key.Secret);
            Assert.Equal(IndependentChecksum(key.Secret[..42]), key.Secret[42..]);
            Assert.Equal((environment, key.Secret[..14]), (key.Material.Environment, key.Material.Prefix.Value));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key.Secret))), key.Material.Hash);
        }
    }

    [Fact]
    public void The_random_part_uses_the_whole_alphabet_at_every_position()
    {
        var seen = Enumerable.Range(0, 32).Select(_ => new HashSet<char>()).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var random = ApiKeySecrets.Generate(ApiKeyEnvironment.Production).Secret.Substring(10, 32);
            for (var p = 0; p < 32; p++) seen[p].Add(random[p]);
        }

        // 3,000 draws leave a given character unseen at a position with probability (61/62)^3000 ≈ 1e-21.
        Assert.All(seen, s => Assert.Equal(62, s.Count));
    }

    [Fact]
    public void A_million_generated_keys_have_no_collision()
    {
        const int count = 1_000_000;
        var digests = new HashSet<UInt128>(count);
        var environment = ApiKeyEnvironment.Production;
        for (var i = 0; i < count; i++)
        {
            var random = RandomNumberGenerator.GetString(ApiKeyFormat.Alphabet, ApiKeyFormat.RandomLength);
            var secret = i % 1000 == 0 ? ApiKeySecrets.Generate(environment).Secret : ApiKeyFormat.Compose(environment, random);
            // Equal keys have equal 128-bit digests: distinct digests prove distinct keys (and keep the set small).
            Assert.True(digests.Add(System.IO.Hashing.XxHash128.HashToUInt128(Encoding.ASCII.GetBytes(secret))), $"collision after {i} keys");
        }

        Assert.Equal(count, digests.Count);
    }

    [Fact]
    public void The_fixed_demo_key_of_development_is_a_well_formed_production_key()
    {
        var parsed = ApiKeyFormat.Parse(Admin.Infrastructure.Seed.DevelopmentSeeder.DemoProductionKey);

        Assert.Equal(ApiKeyEnvironment.Production, parsed?.Environment);
    }

    [Fact]
    public void Verification_accepts_the_secret_and_refuses_any_other_or_a_malformed_hash()
    {
        var key = ApiKeySecrets.Generate(ApiKeyEnvironment.Sandbox);
        var other = ApiKeySecrets.Generate(ApiKeyEnvironment.Sandbox);

        Assert.True(ApiKeySecrets.Verify(key.Secret, key.Material.Hash));
        Assert.False(ApiKeySecrets.Verify(other.Secret, key.Material.Hash));
        Assert.False(ApiKeySecrets.Verify(key.Secret, key.Material.Hash[..63]));
        Assert.False(ApiKeySecrets.Verify(key.Secret, new string('z', 64)));
    }

    [Fact]
    public void Verification_compares_hashes_in_constant_time()
    {
        var verify = typeof(ApiKeySecrets).GetMethod(nameof(ApiKeySecrets.Verify))!;
        var called = CalledMethods(verify).ToList();

        Assert.Contains(called, m => m.DeclaringType == typeof(CryptographicOperations) && m.Name == nameof(CryptographicOperations.FixedTimeEquals));
        // No early-exit comparison of the hashes beside it.
        Assert.DoesNotContain(called, m => m.Name is "SequenceEqual" or "op_Equality" or "Equals" && m.DeclaringType != typeof(object));
    }

    /// <summary>The methods <paramref name="method"/>'s IL calls (call, callvirt), read from its body.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (var i = 0; i < il.Length - 4; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value) continue;
            MethodBase? target = null;
            try { target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), null, method.IsGenericMethod ? method.GetGenericArguments() : null); }
            catch (ArgumentException) { }
            catch (BadImageFormatException) { }
            if (target is not null) yield return target;
        }
    }
}
