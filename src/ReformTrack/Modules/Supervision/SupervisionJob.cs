using Quartz;

namespace ReformTrack.Modules.Supervision;

/// <summary>
/// The daily run: evaluates the rules for today, then sends the day's digests. Both are idempotent
/// for the day, so a misfire re-run or a second node does no harm.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SupervisionJob(IServiceScopeFactory scopes, ILogger<SupervisionJob> logger) : IJob
{
    public static readonly JobKey Key = new("supervision-daily", "supervision");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EvaluateSupervision>().RunAsync(null, false, cancellationToken);
        logger.LogInformation("Supervision rules of {Day}: {Opened} opened, {Escalated} escalated, {Closed} closed{Again}",
            result.Day, result.Opened, result.Escalated, result.Closed, result.AlreadyRan ? " (already evaluated)" : "");
        await scope.ServiceProvider.GetRequiredService<SendDigests>().RunAsync(null, cancellationToken);
    }
}
