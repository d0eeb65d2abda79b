using System.Net.Sockets;
using Azure;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Tests.Storage;

/// <summary>Which failures are "storage is down, come back later" (503) and which are bugs that must stay visible (500).</summary>
public sealed class StorageUnavailableTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void Storage_answers_count_as_an_outage_only_when_the_service_is_struggling(int status, bool outage) =>
        Assert.Equal(outage, StorageUnavailable.Is(new RequestFailedException(status, "x"), CancellationToken.None));

    [Fact]
    public void Transport_failures_and_the_sdks_give_up_after_retries_are_outages()
    {
        Assert.True(StorageUnavailable.Is(new RequestFailedException("Connection refused", new HttpRequestException("refused", new SocketException(111))), CancellationToken.None));
        Assert.True(StorageUnavailable.Is(new HttpRequestException("refused"), CancellationToken.None));
        Assert.True(StorageUnavailable.Is(new SocketException(111), CancellationToken.None));
        Assert.True(StorageUnavailable.Is(new AggregateException(new RequestFailedException(503, "busy"), new TaskCanceledException("network timeout")), CancellationToken.None));
        Assert.False(StorageUnavailable.Is(new AggregateException(new RequestFailedException(503, "busy"), new InvalidOperationException("bug")), CancellationToken.None));
        Assert.False(StorageUnavailable.Is(new AggregateException(), CancellationToken.None));
    }

    [Fact]
    public void A_timeout_is_an_outage_but_the_caller_going_away_is_not()
    {
        Assert.True(StorageUnavailable.Is(new TaskCanceledException("network timeout"), CancellationToken.None));
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.False(StorageUnavailable.Is(new OperationCanceledException(gone.Token), gone.Token));
    }

    [Fact]
    public void Bugs_are_not_outages() =>
        Assert.False(StorageUnavailable.Is(new InvalidOperationException("bug"), CancellationToken.None));
}
