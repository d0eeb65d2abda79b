using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Tests.Broken;

public sealed class UnsupportedParameter
{
    [Function("TakesAStream")]
    public IActionResult TakesAStream([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request, Stream body) => new OkResult();
}

public sealed class UnsupportedReturn
{
    [Function("ReturnsText")]
    public string ReturnsText([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "text";
}

public sealed class MissingSetting
{
    [Function("NeedsSetting")]
    public void NeedsSetting([TimerTrigger("%NotConfigured%")] TimerInfo timer)
    {
    }
}

public sealed class BadSchedule
{
    [Function("BadSchedule")]
    public void Run([TimerTrigger("every day at noon")] TimerInfo timer)
    {
    }
}
