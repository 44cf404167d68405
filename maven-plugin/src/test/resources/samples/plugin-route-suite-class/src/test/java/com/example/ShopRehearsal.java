package com.example;

import dev.rehearsal.engine.RehearsalSuite;

@RehearsalSuite(migrations = "db/migrations", targets = RehearsalSuite.Target.SQLITE)
class ShopRehearsal {
}
