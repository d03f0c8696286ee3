using Baken.Application;
using Baken.Application.Common;
using Baken.Application.Demo;
using Baken.Application.Jobs;
using Baken.Application.Signals;
using Baken.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database for the configured provider plus the application's use cases. The host registers <see cref="ICurrentUser"/>.</summary>
    public static IServiceCollection AddBakenInfrastructure(this IServiceCollection services, DatabaseOptions options)
    {
        _ = options.ResolvedConnectionString; // fail at start-up, not on the first request, when the configuration is incomplete
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // The options are built once (provider, connection string, data folder); each request gets its own context.
        services.AddDbContext<BakenDbContext>(b => DatabaseSetup.Configure((DbContextOptionsBuilder<BakenDbContext>)b, options),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<IBakenDb>(sp => sp.GetRequiredService<BakenDbContext>());
        services.AddSingleton<DatabaseChanges>();
        services.AddScoped<IDatabaseTransactions, DatabaseTransactions>();
        services.AddBakenApplication();
        // Feeds: only public addresses (checked at each connection, so after redirects and DNS too), with retries for
        // what is transient but never for a refused address.
        services.AddOptions<Signals.FeedOptions>()
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 600, "Feeds:TimeoutSeconds: a whole number of seconds from 1 to 600");
        services.AddSingleton<Signals.FeedAddressGuard>();
        services.AddHttpClient(Signals.FeedPoller.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<Signals.FeedAddressGuard>().ConnectAsync,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
            })
            .AddStandardResilienceHandler(o => o.Retry.ShouldHandle = args =>
                ValueTask.FromResult(args.Outcome.Exception is not { InnerException: Signals.FeedAddressRefusedException }
                                     && Microsoft.Extensions.Http.Resilience.HttpClientResiliencePredicates.IsTransient(args.Outcome)));
        services.AddHttpClient(Signals.AlertWebhook.ClientName).AddStandardResilienceHandler();
        services.AddScoped<Signals.FeedPoller>();
        services.AddScoped<Releases.ProductDocuments>();
        services.AddSingleton<IDemoTradeScreen, Demo.DemoTradeScreen>();
        services.AddScoped<IAlertNotifier, Signals.AlertWebhook>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton<IJobUploads, Jobs.JobUploadFolder>();
        services.AddScoped<IJobKind, Dependencies.TradeScreenJob>();
        services.AddScoped<Application.Operations.IDatabaseBackupStore, Operations.DatabaseBackupStore>();
        return services;
    }
}
