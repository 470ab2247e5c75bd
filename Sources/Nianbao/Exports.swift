@_exported import NianbaoModel
@_exported import NianbaoReaders
@_exported import NianbaoReport
@_exported import NianbaoTables
@_exported import NianbaoWriters
