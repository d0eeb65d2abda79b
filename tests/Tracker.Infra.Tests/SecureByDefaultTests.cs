using System.Text.Json.Nodes;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>The security posture issue 7 asks for, read from the compiled template.</summary>
public sealed class SecureByDefaultTests
{
    [Fact]
    public async Task Storage_accepts_neither_shared_keys_nor_anonymous_blobs_nor_old_tls()
    {
        var account = Assert.Single((await Arm()).OfType("Microsoft.Storage/storageAccounts"));

        Assert.False(Bool(account.Property("allowSharedKeyAccess")));
        Assert.False(Bool(account.Property("allowBlobPublicAccess")));
        Assert.Equal("TLS1_2", account.Property("minimumTlsVersion")?.GetValue<string>());
        Assert.True(Bool(account.Property("supportsHttpsTrafficOnly")));
    }

    [Fact]
    public async Task Application_insights_and_log_analytics_accept_only_entra_authentication()
    {
        var arm = await Arm();

        Assert.True(Bool(Assert.Single(arm.OfType("Microsoft.Insights/components")).Property("DisableLocalAuth")));
        Assert.True(Bool(Assert.Single(arm.OfType("Microsoft.OperationalInsights/workspaces")).Property("features", "disableLocalAuth")));
    }

    [Fact]
    public async Task Key_vault_uses_rbac_and_the_app_resolves_references_with_its_user_assigned_identity()
    {
        var arm = await Arm();
        var vault = Assert.Single(arm.OfType("Microsoft.KeyVault/vaults"));
        var site = Assert.Single(arm.OfType("Microsoft.Web/sites"));

        Assert.True(Bool(vault.Property("enableRbacAuthorization")));
        Assert.NotNull(site.Property("keyVaultReferenceIdentity"));
        Assert.Equal("UserAssigned", site.Body["identity"]?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_function_app_is_flex_consumption_dotnet_isolated_10()
    {
        var arm = await Arm();
        var plan = Assert.Single(arm.OfType("Microsoft.Web/serverfarms"));
        var site = Assert.Single(arm.OfType("Microsoft.Web/sites"));

        Assert.Equal("FC1", plan.Body["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Body["sku"]?["tier"]?.GetValue<string>());
        Assert.Equal("dotnet-isolated", site.Property("functionAppConfig", "runtime", "name")?.GetValue<string>());
        Assert.Equal("10.0", site.Property("functionAppConfig", "runtime", "version")?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", site.Property("functionAppConfig", "deployment", "storage", "authentication", "type")?.GetValue<string>());
        Assert.True(Bool(site.Property("httpsOnly")));
    }

    [Fact]
    public async Task The_identity_gets_exactly_the_data_roles_it_needs()
    {
        var arm = await Arm();
        var roleIds = arm.OfType("Microsoft.Authorization/roleAssignments")
            .SelectMany(r => RoleIds(arm, r))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roleIds); // Storage Blob Data Owner
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", roleIds); // Storage Table Data Contributor
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roleIds); // Storage Queue Data Contributor
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", roleIds); // Monitoring Metrics Publisher
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", roleIds); // Key Vault Secrets User
    }

    /// <summary>
    /// The app checks a presented key against the Function App's own keys, which it lists with its identity: a custom
    /// role with exactly the two listkeys actions, assignable in the resource group only, assigned on the Function App
    /// alone; and no broad role (Owner, Contributor, Website Contributor, User Access Administrator) anywhere.
    /// </summary>
    [Fact]
    public async Task The_identity_may_list_the_apps_keys_on_the_app_and_nothing_else()
    {
        var arm = await Arm();
        var definition = Assert.Single(arm.OfType("Microsoft.Authorization/roleDefinitions"));
        var name = Rendered(definition.Body["name"]);
        Assert.StartsWith("guid(resourceGroup().id, '", name, StringComparison.Ordinal);
        Assert.Equal("CustomRole", definition.Property("type")?.GetValue<string>());
        var permissions = Assert.Single(definition.Property("permissions")!.AsArray())!;
        Assert.Equal(
            ["Microsoft.Web/sites/functions/listkeys/action", "Microsoft.Web/sites/host/listkeys/action"],
            permissions["actions"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var none in new[] { "notActions", "dataActions", "notDataActions" })
        {
            Assert.Empty(permissions[none]?.AsArray() ?? []);
        }

        Assert.Equal(["resourceGroup().id"], definition.Property("assignableScopes")!.AsArray().Select(Rendered));

        var assignment = Assert.Single(arm.OfType("Microsoft.Authorization/roleAssignments"), a => Rendered(a.Property("roleDefinitionId")).Contains(name, StringComparison.Ordinal));
        Assert.StartsWith("resourceId('Microsoft.Web/sites', ", Rendered(assignment.Body["scope"]), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.Property("principalType")?.GetValue<string>());
        Assert.Contains("'Microsoft.ManagedIdentity/userAssignedIdentities'", Rendered(assignment.Property("principalId")), StringComparison.Ordinal);

        var roleIds = arm.OfType("Microsoft.Authorization/roleAssignments").SelectMany(r => RoleIds(arm, r)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", roleIds); // Owner
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", roleIds); // Contributor
        Assert.DoesNotContain("de139f84-1756-47ae-9be6-808fbbe84772", roleIds); // Website Contributor
        Assert.DoesNotContain("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", roleIds); // User Access Administrator
    }

    [Fact]
    public async Task Outputs_give_azd_what_it_needs_and_no_secret()
    {
        var arm = await Arm();
        var outputs = arm.Outputs!.Select(o => o.Key).ToList();

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs);
        Assert.Contains("AZURE_STORAGE_TABLE_ENDPOINT", outputs);
        Assert.Contains("AZURE_STORAGE_BLOB_ENDPOINT", outputs);
        Assert.Contains("AZURE_STORAGE_QUEUE_ENDPOINT", outputs);
        Assert.Contains("AZURE_KEY_VAULT_NAME", outputs);
        Assert.DoesNotContain(arm.Outputs!, o => o.Value?["type"]?.GetValue<string>() is "securestring" or "secureObject");
    }

    [Fact]
    public async Task Parameters_file_maps_every_required_parameter_from_the_azd_environment()
    {
        var arm = await Arm();
        var parametersFile = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();

        foreach (var (name, definition) in arm.Parameters!)
        {
            if (definition?["defaultValue"] is null)
            {
                Assert.True(parametersFile.ContainsKey(name), $"main.parameters.json does not map required parameter '{name}'.");
            }
        }

        foreach (var (name, _) in parametersFile)
        {
            Assert.True(arm.Parameters!.ContainsKey(name), $"main.parameters.json maps '{name}', which main.bicep does not declare.");
        }

        Assert.Equal("${AZURE_ENV_NAME}", parametersFile["environmentName"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", parametersFile["location"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parametersFile["principalId"]?["value"]?.GetValue<string>());
    }

    private static async Task<ArmTemplate> Arm() => (await BicepCli.BuildMainAsync()).Arm;

    private static string Rendered(JsonNode? node) => ArmTemplate.Render(ArmExpression.FromJsonString(node?.GetValue<string>() ?? throw new InvalidOperationException("Property missing.")));

    private static bool Bool(JsonNode? node) => node?.GetValue<bool>() ?? throw new InvalidOperationException("Property missing.");

    private static IEnumerable<string> RoleIds(ArmTemplate arm, ArmResource assignment)
    {
        // roleDefinitionId is subscriptionResourceId('Microsoft.Authorization/roleDefinitions', <role>), role from a variable or a loop over one.
        var expression = ArmExpression.FromJsonString(assignment.Property("roleDefinitionId")!.GetValue<string>());
        var role = expression.ArgumentsOf("subscriptionResourceId")?[^1] ?? throw new InvalidOperationException(ArmTemplate.Render(expression));
        if (role is ArmIndex { Index: ArmCall { Name: "copyIndex" } } loop)
        {
            var list = arm.Resolve(loop.Target, assignment.Scope);
            return list.Node is JsonArray items ? items.Select(i => ArmTemplate.AsString(arm.ResolveNode(i, list.Scope))).OfType<string>() : [];
        }

        return ArmTemplate.AsString(arm.Resolve(role, assignment.Scope)) is { } id ? [id] : [];
    }
}
