// Entry point: mounts the app. Styles are a plain stylesheet (the CSP allows no inline <style>).
import { render } from 'preact';
// First, so that each page's own stylesheet comes after the base rules in the bundle and may refine them.
import './styles.css';
import { App } from './app.js';

const root = document.getElementById('app');
if (root) render(<App />, root);
