using System.Globalization;
using Quartz;

namespace ReformTrack.Modules.Supervision;

internal static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Supervision").Get<SupervisionOptions>() ?? SupervisionOptions.Default;
        services.AddSingleton(options);
        services.AddSingleton(configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddScoped<EvaluateSupervision>();
        services.AddScoped<ManageItems>();
        services.AddScoped<ManageExtensions>();
        services.AddScoped<GetInbox>();
        services.AddScoped<SendDigests>();
        services.AddTransient<Data.IDemoPart, Data.DemoSupervision>();

        if (options.Schedule)
        {
            var at = TimeOnly.ParseExact(options.DailyAt, "HH:mm", CultureInfo.InvariantCulture);
            services.AddQuartz(q => q.ScheduleJob<SupervisionJob>(
                t => t.WithIdentity("supervision-daily-trigger", "supervision")
                    .WithCronSchedule(string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} * * ?")),
                j => j.WithIdentity(SupervisionJob.Key)));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    public static void MapSupervision(this IEndpointRouteBuilder api) => api.MapSupervisionEndpoints();
}
