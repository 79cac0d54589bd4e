import { describe, expect, it } from 'vitest';
import { findComposedOutage } from '../../../src/analyzers/heuristic/outage-composition.ts';

/** Sentences written for this test, in no fixture: the composition must generalise. */
describe('findComposedOutage', () => {
  it.each([
    'Heads-up: the API returns errors for every request we make since 10:00.',
    'Nobody in our team can sign in this morning, the page just keeps loading.',
    'Our whole call centre is staring at a blank screen since the last deploy.',
    'The app crashed for all of our agents about 15 minutes ago.',
    'Checkout keeps timing out and our customers cannot pay.',
    'Sovellus kaatuu kaikilla käyttäjillä heti kirjautumisen jälkeen.',
    'Kukaan meistä ei pääse järjestelmään, tulee vain virheilmoitus.',
    'Koko toimisto on ilman järjestelmää, sivu ei lataudu.',
    'Tuotannossa kaikki kutsut päättyvät aikakatkaisuun.',
    // round 4: more things people fail to do, "nowhere" as breadth, an exception in words
    'Since the update the whole team is unable to save any ticket.',
    'Kassajärjestelmä ei käynnisty missään myymälässämme.',
    'We get an exception on every request to the orders endpoint.',
    'Since 9:00 every request returns 503s, our customers cannot check out.',
    'Everyone gets a 500 when opening the dashboard.',
  ])('reads %j as an outage', (text) => {
    const outage = findComposedOutage(text);
    expect(outage).not.toBeNull();
    expect(text.slice(outage!.start, outage!.start + outage!.phrase.length)).toBe(outage!.phrase);
  });

  it.each([
    // a failure without breadth or impact is an ordinary bug
    'The PDF export fails when a report has more than 40 columns.',
    'Raportin vienti antaa virheen, kun sarakkeita on yli 40.',
    // breadth without a failure
    'The whole team is going to the training next week - can you send the agenda?',
    'Koko tiimi osallistuu koulutukseen, voitteko lähettää materiaalit etukäteen?',
    // one user only
    'The export button gives an error for me, but my colleagues are fine.',
    'Minulla tulee virhe kirjautuessa, muilla toimii.',
    // a question about how things work, a wish, a negation
    'Does the SDK retry timeouts for everyone automatically?',
    'We want every user to get an error if they upload a file over 20 MB.',
    'No errors for anyone since your fix, thanks.',
    // "down the page" is no failure
    'The competitor report is further down the page for all users.',
    // round 4: not knowing how is no failure; one person's printer is not an outage
    'Nobody on our team can figure out how to build a custom report. Is there a guide?',
    'One of our agents is unable to print tickets from her Mac.',
    'En löydä tätä asetusta missään. Missä se on?',
    // an amount is no status code, and a customer who cannot afford a bill reports no failure
    "The renewal invoice is for the whole year (£9,500). We can't pay that in one go.",
    // amounts and counts that look like status codes
    "The pro-forma invoice is still for the full year (£8,400). We can't pay that in one go.",
    'Lasku on 8 400 € koko vuodelta, emme pysty maksamaan sitä kerralla.',
    'We have 400 users and all of them need the new seats; we cannot pay more than 500 € a month.',
  ])('does not read %j as an outage', (text) => {
    expect(findComposedOutage(text)).toBeNull();
  });
});
