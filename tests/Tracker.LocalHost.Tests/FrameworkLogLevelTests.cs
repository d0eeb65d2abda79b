using Microsoft.Extensions.Logging;

namespace Tracker.LocalHost.Tests;

/// <summary>The Azure SDK's and ASP.NET Core's log level follows the caller's minimum when it is stricter than warnings.</summary>
public sealed class FrameworkLogLevelTests
{
    [Theory]
    [InlineData(LogLevel.Error, LogLevel.Error)]
    [InlineData(LogLevel.Critical, LogLevel.Critical)]
    [InlineData(LogLevel.Information, LogLevel.Warning)]
    [InlineData(LogLevel.Debug, LogLevel.Warning)]
    public void A_host_asked_for_errors_only_does_not_print_the_sdks_warnings(LogLevel minimum, LogLevel expected) =>
        Assert.Equal(expected, LocalFunctionHost.FrameworkLogLevel(minimum));
}
