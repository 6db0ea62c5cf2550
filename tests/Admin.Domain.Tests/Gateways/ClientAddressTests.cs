using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:8443", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255:65535", "255.255.255.255")]
    public void An_address_with_or_without_a_port_is_read(string text, string expected)
    {
        Assert.True(ClientAddress.TryParse(text, out var address));
        Assert.Equal(expected, address!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("01.2.3.4444")]
    [InlineData("1.2.3.4:")]
    [InlineData("1.2.3.4:70000")]
    [InlineData("1.2.3.4:http")]
    [InlineData("[2001:db8::1")]
    [InlineData("[2001:db8::1]x")]
    [InlineData("[1.2.3.4]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8:::1")]
    [InlineData("0x7f.1.1.1")]
    public void Anything_else_is_malformed(string text) => Assert.False(ClientAddress.TryParse(text, out _));
}
