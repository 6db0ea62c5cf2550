using Admin.Domain.Gateways;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Admin.Infrastructure.Gateway;

/// <summary>Gateway:Counters: where the rate windows and quotas are counted.</summary>
public enum CountersMode
{
    /// <summary>In this node's memory: one node needs nothing else.</summary>
    Memory = 0,

    /// <summary>In Redis, shared by every node (Gateway:Redis is its connection string).</summary>
    Redis = 1,
}

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public CountersMode Counters { get; set; } = CountersMode.Memory;

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379".</summary>
    public string? Redis { get; set; }
}

public static class GatewayServices
{
    public static IServiceCollection AddGatewayServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section));
        var options = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        services.AddSingleton<KeyDirectory>();
        services.AddSingleton<GatewayCredentialDirectory>();
        services.AddSingleton<RouteTableProvider>();
        services.AddSingleton<GatewayChangeBus>();
        services.AddSingleton<MemoryKeyCounters>();
        if (options.Counters == CountersMode.Redis)
        {
            if (string.IsNullOrWhiteSpace(options.Redis)) throw new InvalidOperationException("Gateway:Redis is required when Gateway:Counters is Redis.");
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(options.Redis));
            services.AddSingleton<RedisKeyCounters>();
            services.AddSingleton<IKeyCounters>(sp => sp.GetRequiredService<RedisKeyCounters>());
            services.AddHostedService<RedisGatewayBackplane>();
        }
        else
        {
            services.AddSingleton<IKeyCounters>(sp => sp.GetRequiredService<MemoryKeyCounters>());
        }

        services.AddHealthChecks().AddCheck<GatewayCountersHealthCheck>("gateway-counters", tags: ["ready"]);
        services.AddSingleton<UsageRecorder>();
        services.AddHostedService<UsageFlusher>();
        services.AddSingleton<GatewayDecider>();
        services.AddScoped<GatewayChangesInterceptor>();
        return services;
    }

    /// <summary>A connection that never fails the start and keeps retrying, with short timeouts (the hot path falls back to local counters).</summary>
    public static ConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.SyncTimeout = 500;
        options.AsyncTimeout = 500;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        options.ClientName = "apip-admin";
        return ConnectionMultiplexer.Connect(options);
    }
}
