using Baken.Application;
using Baken.Application.Common;
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
        services.AddBakenApplication();
        // One client for feeds and webhooks: a long-lived HttpClient reuses connections (no factory package needed).
        services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });
        services.AddScoped<Signals.FeedPoller>();
        services.AddScoped<Releases.ProductDocuments>();
        services.AddScoped<Signals.AlertWebhook>();
        return services;
    }
}
