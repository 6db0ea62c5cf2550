using System.Net;
using Admin.Domain.ApiKeys;

namespace Admin.Domain.Tests.ApiKeys;

public class IpAllowListTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData("203.0.113.7/32", "203.0.113.7")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    [InlineData("2001:db8::1/128", "2001:db8::1")]
    public void A_valid_address_or_range_is_kept_in_its_canonical_form(string typed, string kept)
    {
        var list = IpAllowList.Parse(typed);

        Assert.True(list.IsSuccess, string.Join(" ", list.Errors.Select(e => e.Message)));
        Assert.Equal([kept], list.Value.Entries);
    }

    [Theory]
    [InlineData("203.0.113.256", "api_key.ip_invalid")]
    [InlineData("203.0.113", "api_key.ip_invalid")]
    [InlineData("10.1", "api_key.ip_invalid")]
    [InlineData("0x0a.0.0.1", "api_key.ip_invalid")]
    [InlineData("010.0.0.1", "api_key.ip_invalid")]
    [InlineData("mairie.example.fr", "api_key.ip_invalid")]
    [InlineData("2001:db8:::1", "api_key.ip_invalid")]
    [InlineData("fe80::1%eth0", "api_key.ip_invalid")]
    [InlineData("203.0.113.0/", "api_key.ip_invalid")]
    [InlineData("203.0.113.0/-1", "api_key.ip_invalid")]
    [InlineData("203.0.113.0/2a", "api_key.ip_invalid")]
    [InlineData("/24", "api_key.ip_invalid")]
    [InlineData("203.0.113.0/33", "api_key.ip_prefix_out_of_range")]
    [InlineData("2001:db8::/129", "api_key.ip_prefix_out_of_range")]
    [InlineData("203.0.113.7/24", "api_key.ip_range_not_at_start")]
    [InlineData("2001:db8::1/32", "api_key.ip_range_not_at_start")]
    public void An_invalid_entry_is_an_error_at_the_field_naming_it(string typed, string code)
    {
        var list = IpAllowList.Parse(typed);

        var error = Assert.Single(list.Errors);
        Assert.Equal((code, IpAllowList.Field), (error.Code, error.Field));
        Assert.Contains($"« {typed} »", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_not_at_its_start_names_the_range_meant()
    {
        Assert.Contains("203.0.113.0/24", Assert.Single(IpAllowList.Parse("203.0.113.7/24").Errors).Message, StringComparison.Ordinal);
        Assert.Contains("2001:db8::/32", Assert.Single(IpAllowList.Parse("2001:db8::1/32").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_invalid_entry_gets_its_own_error_and_the_valid_ones_none()
    {
        var list = IpAllowList.Parse("203.0.113.7\n999.1.1.1, 2001:db8::/32; 10.0.0.0/40\r\nnimporte");

        Assert.Equal(["api_key.ip_invalid", "api_key.ip_prefix_out_of_range", "api_key.ip_invalid"], list.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Two_spellings_of_one_entry_are_one_duplicate_error()
    {
        var list = IpAllowList.Parse("2001:db8::1 2001:DB8:0::1 2001:db8::1 203.0.113.7/32 203.0.113.7");

        Assert.Equal(["api_key.ip_duplicate", "api_key.ip_duplicate"], list.Errors.Select(e => e.Code));
        Assert.Contains("« 2001:db8::1 »", list.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("« 203.0.113.7 »", list.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_fifty_entries_are_refused_and_empty_text_is_an_empty_list()
    {
        var many = string.Join('\n', Enumerable.Range(1, IpAllowList.MaxEntries + 1).Select(i => $"203.0.113.{i}"));

        Assert.Equal("api_key.ip_too_many", Assert.Single(IpAllowList.Parse(many).Errors).Code);
        Assert.True(IpAllowList.Parse(string.Join('\n', many.Split('\n').Skip(1))).IsSuccess);
        Assert.True(IpAllowList.Parse("  \n ").Value.IsEmpty);
        Assert.True(IpAllowList.Parse(null).Value.IsEmpty);
    }

    [Theory]
    [InlineData("203.0.113.42", true)]
    [InlineData("::ffff:203.0.113.42", true)]
    [InlineData("2001:db8:1234::9", true)]
    [InlineData("198.51.100.7", true)]
    [InlineData("198.51.100.8", false)]
    [InlineData("203.0.114.1", false)]
    [InlineData("2001:db9::1", false)]
    public void A_client_passes_when_an_entry_contains_it(string client, bool allowed)
    {
        var list = IpAllowList.Parse("203.0.113.0/24 2001:db8::/32 198.51.100.7").Value;

        Assert.Equal(allowed, list.Allows(IPAddress.Parse(client)));
    }

    [Fact]
    public void Without_a_list_any_client_passes_and_with_one_an_unknown_client_does_not()
    {
        Assert.True(IpAllowList.Empty.Allows(null));
        Assert.True(IpAllowList.Empty.Allows(IPAddress.Parse("192.0.2.1")));
        Assert.False(IpAllowList.Parse("192.0.2.1").Value.Allows(null));
    }
}
