using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MvpPlanner.Core.Data;

/// <summary>PostgreSQL's timestamptz refuses a DateTime that is not UTC. The app works in UTC already; this makes a
/// time without a kind (a date picked in a form) count as UTC instead of failing the save, and reads come back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>PostgreSQL stores a DateTimeOffset as UTC and Npgsql refuses any other offset; the instant is kept.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
