using System.Text;
using Admin.Domain.ApiKeys;

namespace Admin.Domain.Tests.ApiKeys;

public class ApiKeyFormatTests
{
    /// <summary>Keys built from a seeded (non-cryptographic) generator: the format, not the randomness, is under test here.</summary>
    private static IEnumerable<string> SampleKeys(int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var body = new string([.. Enumerable.Range(0, ApiKeyFormat.RandomLength).Select(_ => ApiKeyFormat.Alphabet[random.Next(62)])]);
            yield return ApiKeyFormat.Compose(i % 2 == 0 ? ApiKeyEnvironment.Production : ApiKeyEnvironment.Sandbox, body);
        }
    }

    /// <summary>The contract's checksum, computed with System.IO.Hashing's CRC-32 instead of ours.</summary>
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

    [Fact]
    public void A_key_is_its_environment_prefix_32_base62_characters_and_the_crc32_of_both_in_6_base62_digits()
    {
        foreach (var key in SampleKeys(500))
        {
            Assert.Equal(48, key.Length);
            Assert.Matches("^apip_(live|test)_[0-9A-Za-z]{38}$", key);
            Assert.Equal(IndependentChecksum(key[..42]), key[42..]);
            Assert.True(ApiKeyFormat.IsValid(key));
        }
    }

    [Fact]
    public void The_checksum_matches_known_crc32_values_left_padded_with_zeros()
    {
        // CRC-32("123456789") = 0xCBF43926 = "3jZRME" in base62; CRC-32("") = 0 pads to "000000".
        Assert.Equal("3jZRME", ApiKeyFormat.Checksum("123456789"));
        Assert.Equal(IndependentChecksum("123456789"), ApiKeyFormat.Checksum("123456789"));
        Assert.Equal("000000", ApiKeyFormat.Checksum(""));
    }

    [Fact]
    public void Parsing_tells_the_environment_and_the_visible_prefix()
    {
        var body = new string('a', 4) + new string('Z', 28);
        var live = ApiKeyFormat.Parse(ApiKeyFormat.Compose(ApiKeyEnvironment.Production, body))!;
        var test = ApiKeyFormat.Parse(ApiKeyFormat.Compose(ApiKeyEnvironment.Sandbox, body))!;

        Assert.Equal((ApiKeyEnvironment.Production, "apip_live_aaaa", "apip_live_aaaa…"), (live.Environment, live.Prefix.Value, live.Prefix.Display));
        Assert.Equal((ApiKeyEnvironment.Sandbox, "apip_test_aaaa"), (test.Environment, test.Prefix.Value));
    }

    [Fact]
    public void Every_single_character_substitution_fails_the_checksum()
    {
        var candidates = ApiKeyFormat.Alphabet + "_-+/=. éà\0";
        var checkedKeys = 0;
        foreach (var key in SampleKeys(100))
        {
            for (var position = 0; position < key.Length; position++)
            {
                foreach (var c in candidates.Where(c => c != key[position]))
                {
                    var typo = string.Concat(key.AsSpan(0, position), c.ToString(), key.AsSpan(position + 1));
                    Assert.False(ApiKeyFormat.IsValid(typo), $"{typo} (from {key}) was accepted");
                    checkedKeys++;
                }
            }
        }

        Assert.True(checkedKeys > 300_000, $"{checkedKeys} substitutions");
    }

    [Fact]
    public void Every_adjacent_transposition_fails_the_checksum()
    {
        var checkedKeys = 0;
        foreach (var key in SampleKeys(2000))
        {
            for (var position = 0; position < key.Length - 1; position++)
            {
                if (key[position] == key[position + 1]) continue; // swapping equal characters changes nothing
                var chars = key.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                var swapped = new string(chars);
                Assert.False(ApiKeyFormat.IsValid(swapped), $"{swapped} (from {key}) was accepted");
                checkedKeys++;
            }
        }

        Assert.True(checkedKeys > 80_000, $"{checkedKeys} transpositions");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-token")]
    [InlineData("apip_prod_0000000000000000000000000000000000000")]
    [InlineData("APIP_LIVE_00000000000000000000000000000000000000")]
    public void Strings_that_are_not_shaped_like_a_key_are_refused_without_a_lookup(string? value)
    {
        Assert.Null(ApiKeyFormat.Parse(value));
    }

    [Fact]
    public void A_key_one_character_too_long_or_short_is_refused()
    {
        var key = SampleKeys(1).Single();

        Assert.False(ApiKeyFormat.IsValid(key + "0"));
        Assert.False(ApiKeyFormat.IsValid(key[..^1]));
        Assert.False(ApiKeyFormat.IsValid(" " + key[1..]));
    }

    [Fact]
    public void Composing_refuses_a_random_part_that_is_not_32_base62_characters()
    {
        Assert.Throws<ArgumentException>(() => ApiKeyFormat.Compose(ApiKeyEnvironment.Production, new string('a', 31)));
        Assert.Throws<ArgumentException>(() => ApiKeyFormat.Compose(ApiKeyEnvironment.Production, new string('-', 32)));
    }
}
