using Tracker.Infra.Tests.Infrastructure;
using Tracker.Engine.Storage;

namespace Tracker.Infra.Tests;

/// <summary>Every table, blob container and queue the app uses (StorageNames, queue bindings) is provisioned, and nothing else.</summary>
public sealed class StorageProvisioningTests
{
    private const string TableType = "Microsoft.Storage/storageAccounts/tableServices/tables";
    private const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";
    private const string QueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";

    [Fact]
    public async Task Every_table_is_provisioned_and_no_other()
    {
        var provisioned = await ProvisionedAsync(TableType);

        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), provisioned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_container_is_provisioned()
    {
        // The Flex Consumption deployment container is provisioned too, under a per-environment name (not resolvable here).
        var provisioned = await ProvisionedAsync(ContainerType);

        Assert.Equal(StorageNames.Containers.Order(StringComparer.Ordinal), provisioned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_queue_and_the_poison_queue_of_every_triggered_queue_is_provisioned()
    {
        var bindings = AppConfiguration.QueueBindings();
        var required = StorageNames.Queues
            .Concat(bindings.Select(b => b.Queue))
            .Concat(bindings.Where(b => b.IsTrigger).Select(b => b.Queue + "-poison"));

        var provisioned = await ProvisionedAsync(QueueType);

        Assert.All(required, queue => Assert.Contains(queue, provisioned));
    }

    [Fact]
    public async Task No_queue_is_provisioned_but_the_apps_and_their_poison_queues()
    {
        // Poison queues are provisioned for every app queue, triggered yet or not: each is a work queue by design.
        var allowed = StorageNames.Queues.SelectMany(q => new[] { q, q + "-poison" }).ToHashSet(StringComparer.Ordinal);

        var provisioned = await ProvisionedAsync(QueueType);

        Assert.All(provisioned, queue => Assert.Contains(queue, allowed));
    }

    [Fact]
    public void Queue_bindings_name_queues_from_StorageNames()
    {
        foreach (var binding in AppConfiguration.QueueBindings())
        {
            Assert.Contains(binding.Queue, StorageNames.Queues);
        }
    }

    private static async Task<List<string>> ProvisionedAsync(string type)
    {
        var arm = (await BicepCli.BuildMainAsync()).Arm;
        var names = arm.OfType(type).SelectMany(arm.ChildNames).ToList();
        Assert.NotEmpty(names);
        return [.. names.OfType<string>()];
    }
}
