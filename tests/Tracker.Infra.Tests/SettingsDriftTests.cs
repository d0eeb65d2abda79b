using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// The app settings infra/ gives the Function App and the configuration keys the code binds are the same set.
/// App keys come from reflection over the deployed assemblies (see <see cref="AppConfiguration"/>); Bicep's settings
/// come from the compiled ARM JSON of `bicep build`.
/// </summary>
public sealed class SettingsDriftTests
{
    /// <summary>
    /// Settings the Functions platform reads rather than Tracker's code. Nothing in the app binds them, yet the
    /// host cannot run without them, so they must be set and are allowed beside the app's own keys.
    /// </summary>
    private static readonly string[] PlatformSettings =
    [
        // The host's own storage (timer schedule status, leases, keys), identity-based: read by the Functions host.
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",

        // Application Insights with Entra authentication (local auth is disabled): read by the host and the worker's telemetry.
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>How the app lists the Function App's keys to check a presented x-functions-key (HostKeyOptions binds them; the drift checks hold them like any other).</summary>
    private static readonly string[] KeyCheckSettings =
    [
        "Tracker__Auth__HostKeys__SiteResourceId",
        "Tracker__Auth__HostKeys__ClientId",
        "Tracker__Auth__HostKeys__ManagementEndpoint",
    ];

    [Fact]
    public void Reflection_finds_the_options_classes_the_app_binds()
    {
        // A guard for the derivation itself: if it stopped finding options, every drift check would pass vacuously.
        var sections = AppConfiguration.OptionsTypes.Select(t => t.GetField("Section")!.GetRawConstantValue()).ToList();

        Assert.Contains(AppConfiguration.AppAssemblies, a => a.GetName().Name == "Tracker.Engine");
        Assert.Contains("Tracker", sections);
        Assert.Contains("Smtp", sections);
        Assert.Contains("Links", sections);
        Assert.Contains(AppConfiguration.Keys(), k => k.Key == "Links__Keys__" && k.IsPrefix);
    }

    [Fact]
    public async Task Every_key_the_app_binds_is_set_by_the_bicep()
    {
        var settings = await BicepSettingsAsync();

        var missing = AppConfiguration.Keys().Where(key => !IsCovered(key, settings)).ToList();

        Assert.True(missing.Count == 0,
            "The app binds keys infra/app/functions.bicep does not set (add them to its appSettings):" + Environment.NewLine
            + string.Join(Environment.NewLine, missing.Select(k => "  " + k)));
    }

    [Fact]
    public async Task Every_setting_the_bicep_sets_is_bound_by_the_app_or_needed_by_the_platform()
    {
        var settings = await BicepSettingsAsync();
        var keys = AppConfiguration.Keys();

        var unused = settings
            .Where(s => !PlatformSettings.Contains(s.Name, StringComparer.Ordinal))
            .Where(s => !keys.Any(k => Binds(k, s)))
            .ToList();

        Assert.True(unused.Count == 0,
            "infra/app/functions.bicep sets settings no code reads (remove them, or the code lost an option):" + Environment.NewLine
            + string.Join(Environment.NewLine, unused.Select(s => "  " + s)));
    }

    [Fact]
    public async Task The_platform_settings_are_all_set()
    {
        var settings = await BicepSettingsAsync();

        Assert.All(PlatformSettings, name => Assert.Contains(settings, s => !s.IsPrefix && s.Name == name));
    }

    [Fact]
    public async Task No_setting_is_set_twice()
    {
        var settings = await BicepSettingsAsync();

        var duplicates = settings.GroupBy(s => s.ToString()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Storage_is_reached_by_identity_never_by_connection_string()
    {
        var settings = await BicepSettingsAsync();

        foreach (var connection in AppConfiguration.Connections().Append("AzureWebJobsStorage"))
        {
            // A plain "{connection}" setting would be a connection string (with an account key in Azure).
            Assert.DoesNotContain(settings, s => s.Name == connection);
            Assert.Equal("managedidentity", Literal(settings, $"{connection}__credential"));
        }

        foreach (var setting in settings)
        {
            var text = ArmTemplate.Render(setting.Value);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Secrets_are_key_vault_references()
    {
        var settings = await BicepSettingsAsync();

        var linkKeys = Assert.Single(settings, s => s.IsPrefix && s.Name == "Links__Keys__");
        Assert.StartsWith("format('@Microsoft.KeyVault(SecretUri=", ArmTemplate.Render(linkKeys.Value), StringComparison.Ordinal);

        var password = Assert.Single(settings, s => s.Name == "Smtp__Password");
        Assert.Contains("'@Microsoft.KeyVault(SecretUri=", ArmTemplate.Render(password.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_insights_authenticates_with_the_apps_identity()
    {
        var settings = await BicepSettingsAsync();

        var authentication = Assert.Single(settings, s => s.Name == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        Assert.Matches(@"^format\('ClientId=\{0\};Authorization=AAD'", ArmTemplate.Render(authentication.Value));
    }

    /// <summary>
    /// The app lists its own site's keys, as its own identity, from this cloud's Resource Manager: the site resource's
    /// id, the client id storage uses too, and environment().resourceManager (which ends with a slash).
    /// </summary>
    [Fact]
    public async Task The_app_lists_its_own_keys_with_its_identity_from_this_clouds_resource_manager()
    {
        var arm = (await BicepCli.BuildMainAsync()).Arm;
        var site = Assert.Single(arm.OfType("Microsoft.Web/sites"));
        var settings = arm.AppSettings(site);
        string Rendered(string name) => ArmTemplate.Render(Assert.Single(settings, s => !s.IsPrefix && s.Name == name).Value);

        var siteName = ArmTemplate.Render(ArmExpression.FromJsonString(site.Body["name"]!.GetValue<string>()));
        Assert.Equal($"resourceId('Microsoft.Web/sites', {siteName})", Rendered(KeyCheckSettings[0]));
        Assert.Equal(Rendered("AzureWebJobsStorage__clientId"), Rendered(KeyCheckSettings[1]));
        Assert.Equal("environment().resourceManager", Rendered(KeyCheckSettings[2]));
    }

    [Fact]
    public void Queue_bindings_use_a_connection_the_bicep_configures()
    {
        foreach (var binding in AppConfiguration.QueueBindings())
        {
            // Without Connection the binding would fall back to AzureWebJobsStorage, the host's account.
            Assert.True(binding.Connection is not null, $"{binding.Function}: queue '{binding.Queue}' names no Connection.");
            Assert.Contains(binding.Connection, AppConfiguration.Connections());
        }
    }

    private static async Task<IReadOnlyList<AppSetting>> BicepSettingsAsync()
    {
        var arm = (await BicepCli.BuildMainAsync()).Arm;
        var site = Assert.Single(arm.OfType("Microsoft.Web/sites"));
        return arm.AppSettings(site);
    }

    private static bool IsCovered(AppKey key, IReadOnlyList<AppSetting> settings) =>
        key.IsPrefix
            ? settings.Any(s => s.Name.StartsWith(key.Key, StringComparison.Ordinal))
            : settings.Any(s => !s.IsPrefix && s.Name == key.Key);

    private static bool Binds(AppKey key, AppSetting setting) =>
        key.IsPrefix
            ? setting.Name.StartsWith(key.Key, StringComparison.Ordinal)
            : !setting.IsPrefix && setting.Name == key.Key;

    private static string? Literal(IReadOnlyList<AppSetting> settings, string name) =>
        settings.SingleOrDefault(s => !s.IsPrefix && s.Name == name)?.Value is ArmString literal ? literal.Value : null;
}
