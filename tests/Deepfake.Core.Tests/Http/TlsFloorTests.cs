using System.Net;
using System.Security.Authentication;
using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class TlsFloorTests
{
    [Theory]
    [InlineData(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls)] // powershell.exe without the strong-crypto registry keys
    [InlineData(SecurityProtocolType.Tls)]
    [InlineData(SecurityProtocolType.Tls | SecurityProtocolType.Tls11)]
    public void A_process_that_allows_no_TLS_1_2_gets_TLS_1_2_on_our_handler_alone(SecurityProtocolType processWide)
    {
        Assert.Equal(SslProtocols.Tls12, TlsFloor.For(processWide));
    }

    [Theory]
    [InlineData((SecurityProtocolType)0)] // SystemDefault: the operating system chooses, TLS 1.3 included
    [InlineData(SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13)]
    public void A_process_that_allows_TLS_1_2_or_defers_to_the_system_keeps_its_choice(SecurityProtocolType processWide)
    {
        Assert.Null(TlsFloor.For(processWide));
    }
}
