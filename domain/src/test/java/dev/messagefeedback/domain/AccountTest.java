package dev.messagefeedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final FriendlyName NAME = new FriendlyName("Acme");

    final Account parent = Account.open(new AccountSid("AC" + "1".repeat(32)), NAME, NOW);
    final Account child = parent.openSubaccount(new AccountSid("AC" + "2".repeat(32)), NAME, NOW);
    final Account sibling = parent.openSubaccount(new AccountSid("AC" + "3".repeat(32)), NAME, NOW);
    final Account stranger = Account.open(new AccountSid("AC" + "4".repeat(32)), NAME, NOW);

    @Test
    void credentialsActOnTheirOwnAccountAndItsSubaccounts() {
        assertTrue(parent.mayActOn(parent));
        assertTrue(parent.mayActOn(child));
        assertTrue(child.mayActOn(child));
    }

    @Test
    void neverOnAParentASiblingOrAStranger() {
        assertFalse(child.mayActOn(parent));
        assertFalse(child.mayActOn(sibling));
        assertFalse(parent.mayActOn(stranger));
        assertFalse(stranger.mayActOn(child));
    }

    @Test
    void suspendedAndClosedAccountsNeitherActNorAreActedOn() {
        for (AccountStatus status : new AccountStatus[] {AccountStatus.SUSPENDED, AccountStatus.CLOSED}) {
            assertFalse(parent.changeStatus(status, NOW).mayActOn(child));
            assertFalse(parent.mayActOn(child.changeStatus(status, NOW)));
            assertFalse(parent.changeStatus(status, NOW).mayActOn(parent.changeStatus(status, NOW)));
        }
    }

    @Test
    void suspensionIsReversibleButClosingIsFinal() {
        Account suspended = parent.changeStatus(AccountStatus.SUSPENDED, NOW.plusSeconds(1));
        assertEquals(AccountStatus.ACTIVE, suspended.changeStatus(AccountStatus.ACTIVE, NOW.plusSeconds(2)).status());
        Account closed = parent.changeStatus(AccountStatus.CLOSED, NOW.plusSeconds(1));
        assertThrows(AccountRuleException.class, () -> closed.changeStatus(AccountStatus.ACTIVE, NOW));
        assertSame(closed, closed.changeStatus(AccountStatus.CLOSED, NOW));
    }

    @Test
    void aSubaccountStandsOnlyWhileItsParentIsActive() {
        assertTrue(parent.inGoodStanding(Optional.empty()));
        assertTrue(child.inGoodStanding(Optional.of(parent)));
        assertFalse(child.inGoodStanding(Optional.of(parent.changeStatus(AccountStatus.SUSPENDED, NOW))));
        assertFalse(child.inGoodStanding(Optional.empty()), "an unknown parent is no standing");
        assertFalse(child.inGoodStanding(Optional.of(stranger)), "only its own parent counts");
        assertFalse(parent.changeStatus(AccountStatus.CLOSED, NOW).inGoodStanding(Optional.empty()));
    }

    @Test
    void subaccountsAreOneLevelDeep() {
        assertThrows(AccountRuleException.class,
                () -> child.openSubaccount(new AccountSid("AC" + "5".repeat(32)), NAME, NOW));
        assertEquals(Optional.of(parent.sid()), child.parent());
    }

    @Test
    void anAccountIsNotItsOwnParent() {
        assertThrows(IllegalArgumentException.class, () -> new Account(parent.sid(), NAME, AccountStatus.ACTIVE,
                Optional.of(parent.sid()), NOW, NOW));
    }

    @Test
    void apiKeysAreRevokedOnceAndForAll() {
        ApiKey key = ApiKey.issue(new ApiKeySid("SK" + "6".repeat(32)), parent, new FriendlyName("ci"), NOW);
        assertFalse(key.isRevoked());
        ApiKey revoked = key.revoke(NOW.plusSeconds(5));
        assertTrue(revoked.isRevoked());
        assertSame(revoked, revoked.revoke(NOW.plusSeconds(9)));
        assertThrows(AccountRuleException.class, () -> ApiKey.issue(new ApiKeySid("SK" + "7".repeat(32)),
                parent.changeStatus(AccountStatus.SUSPENDED, NOW), new FriendlyName("x"), NOW));
    }

    @Test
    void friendlyNamesAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new FriendlyName(""));
        assertThrows(IllegalArgumentException.class, () -> new FriendlyName("a".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new FriendlyName("line\nbreak"));
        assertEquals("Acme Inc.", new FriendlyName("Acme Inc.").value());
    }
}
