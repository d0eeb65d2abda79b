using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tracker.LocalHost.Discovery;

namespace Tracker.LocalHost.Configuration;

/// <summary>
/// Resolves <c>%Name%</c> placeholders in attribute strings from configuration, as the Functions host resolves
/// them from app settings, so one attribute works with a different schedule or queue per environment.
/// </summary>
internal static partial class AppSettingResolver
{
    public static string Resolve(string value, IConfiguration configuration, string functionName, string what)
    {
        return Placeholder().Replace(value, match =>
        {
            var key = match.Groups[1].Value;
            var setting = configuration[key];
            if (string.IsNullOrEmpty(setting))
            {
                throw new FunctionDiscoveryException(
                    $"Function '{functionName}': the {what} '{value}' refers to app setting '{key}', which is not set in the configuration.");
            }

            return setting;
        });
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
