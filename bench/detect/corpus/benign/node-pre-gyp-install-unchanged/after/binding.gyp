{ 'targets': [ { 'target_name': 'fast_sqlite', 'sources': [ 'src/database.cc', 'src/statement.cc', 'src/backup.cc' ] } ] }
